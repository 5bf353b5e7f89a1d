//go:build searchbench

package searchbench

import (
	"database/sql"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// The machines this runs on are shared, and a busy neighbour makes wall-clock
// times say more about the neighbour than about Herald. So the benchmark also
// counts CPU time: that of the measuring thread (SQLite runs in it) and that
// of the PostgreSQL server's processes (children of its postmaster). On an
// otherwise idle machine a single query's latency is close to its CPU time,
// since everything it reads is in memory.

// cpuClock reads the CPU time spent so far by this process (or, with
// thread, only the calling OS thread, which must be locked to its goroutine)
// and by the PostgreSQL server, when there is one.
type cpuClock struct {
	postmaster int // 0 on SQLite
	thread     bool
}

// newCPUClock finds the postmaster behind db, when db is PostgreSQL.
func newCPUClock(db *sql.DB, thread bool) cpuClock {
	c := cpuClock{thread: thread}
	if db == nil {
		return c
	}
	var dir string
	if err := db.QueryRow(`SHOW data_directory`).Scan(&dir); err != nil {
		return c
	}
	b, err := os.ReadFile(filepath.Join(dir, "postmaster.pid"))
	if err != nil {
		return c
	}
	c.postmaster, _ = strconv.Atoi(strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0]))
	return c
}

// now returns the CPU time used so far.
func (c cpuClock) now() time.Duration {
	var own time.Duration
	if c.thread {
		own = schedstat("/proc/thread-self/schedstat")
	} else {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		own = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	if c.postmaster == 0 {
		return own
	}
	return own + schedstat("/proc/"+strconv.Itoa(c.postmaster)+"/schedstat") + c.children()
}

// children sums the CPU time of the postmaster's children.
func (c cpuClock) children() time.Duration {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	var sum time.Duration
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid …: comm may hold spaces, so read after ")".
		s := string(b)
		fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(fields) > 1 && fields[1] == strconv.Itoa(c.postmaster) {
			sum += schedstat("/proc/" + strconv.Itoa(pid) + "/schedstat")
		}
	}
	return sum
}

// schedstat reads the nanoseconds on CPU from a schedstat file.
func schedstat(path string) time.Duration {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return 0
	}
	ns, _ := strconv.ParseInt(f[0], 10, 64)
	return time.Duration(ns)
}

// lockThread keeps the caller on one OS thread until the returned func runs,
// so that the thread's CPU time is the caller's.
func lockThread() func() {
	runtime.LockOSThread()
	return runtime.UnlockOSThread
}
