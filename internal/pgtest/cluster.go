package pgtest

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
)

// BinDir is where the PostgreSQL 15 server binaries are looked for.
const BinDir = "/usr/lib/postgresql/15/bin"

// ErrUnavailable reports that this machine cannot start a PostgreSQL cluster:
// the binaries are missing, or the process runs as root and there is no postgres
// OS user to run them as. Tests skip on it, except under CI=true.
var ErrUnavailable = errors.New("pgtest: PostgreSQL is not available")

// Cluster is a running throwaway PostgreSQL cluster listening on 127.0.0.1 with
// trust authentication for the superuser postgres.
type Cluster struct {
	root    string // temporary directory holding data/ and the server log
	sockDir string
	port    int
	runuser string // path of runuser when the server must run as postgres

	srv      *server
	reaper   *exec.Cmd
	reaperIn io.WriteCloser

	stopOnce sync.Once
	stopErr  error
}

// Available reports, as an error wrapping [ErrUnavailable], why this machine
// cannot start a cluster, or nil when it can.
func Available() error {
	for _, name := range []string{"initdb", "pg_ctl", "postgres"} {
		if _, err := os.Stat(filepath.Join(BinDir, name)); err != nil {
			return fmt.Errorf("%w: %s is missing; install the Debian package postgresql-15 "+
				"(scripts/install-test-deps.sh does), or set HERALD_TEST_POSTGRES to the DSN of a server",
				ErrUnavailable, filepath.Join(BinDir, name))
		}
	}
	if os.Geteuid() != 0 {
		return nil
	}
	if _, err := user.Lookup("postgres"); err != nil {
		return fmt.Errorf("%w: running as root, PostgreSQL must run as the postgres OS user, which does not exist; "+
			"create it with `useradd --system --home /var/lib/postgresql postgres` (scripts/install-test-deps.sh does)",
			ErrUnavailable)
	}
	if _, err := runuserPath(); err != nil {
		return fmt.Errorf("%w: running as root needs runuser (Debian package util-linux): %v", ErrUnavailable, err)
	}
	return nil
}

func runuserPath() (string, error) {
	if p, err := exec.LookPath("runuser"); err == nil {
		return p, nil
	}
	for _, p := range []string{"/usr/sbin/runuser", "/sbin/runuser"} {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", errors.New("runuser not found")
}

// NewCluster initialises and starts a cluster in a fresh temporary directory
// under dir ("" means os.TempDir()), and waits until it accepts connections.
// When the process runs as root, the server runs as the postgres OS user, so dir
// must be reachable by that user: t.TempDir() is not, "" is.
// Call Stop to stop it and remove its files.
func NewCluster(ctx context.Context, dir string) (*Cluster, error) {
	if err := Available(); err != nil {
		return nil, err
	}
	c := &Cluster{}
	if os.Geteuid() == 0 {
		c.runuser, _ = runuserPath()
	}
	if err := c.init(ctx, dir); err != nil {
		c.removeFiles()
		return nil, err
	}
	if err := c.startReaper(); err != nil {
		c.removeFiles()
		return nil, err
	}
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = c.start(ctx); err == nil || !strings.Contains(err.Error(), "could not bind") {
			break
		}
	}
	if err != nil {
		_ = c.Stop()
		return nil, err
	}
	c.srv = newServer(c.dsn("postgres"), c.dsn)
	return c, nil
}

// init makes the directories and runs initdb.
func (c *Cluster) init(ctx context.Context, dir string) error {
	var err error
	if c.root, err = os.MkdirTemp(dir, "pgtest-"); err != nil {
		return fmt.Errorf("pgtest: %w", err)
	}
	// The socket path must stay under the kernel's limit of about 107 bytes.
	if c.sockDir, err = os.MkdirTemp("", "pgtest-sock-"); err != nil {
		return fmt.Errorf("pgtest: %w", err)
	}
	if strings.ContainsAny(c.sockDir, `'"\ `) {
		return fmt.Errorf("pgtest: socket directory %q has characters pg_ctl cannot pass on", c.sockDir)
	}
	if c.runuser != "" {
		u, err := user.Lookup("postgres")
		if err != nil {
			return fmt.Errorf("pgtest: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		for _, d := range []string{c.root, c.sockDir} {
			if err := os.Chown(d, uid, gid); err != nil {
				return fmt.Errorf("pgtest: %w", err)
			}
		}
		if out, err := c.command(ctx, "/usr/bin/test", "-w", c.root).CombinedOutput(); err != nil {
			return fmt.Errorf("pgtest: the postgres OS user cannot write to %s (every directory above it must be "+
				"searchable by others; pass \"\" to use %s): %v %s", c.root, os.TempDir(), err, out)
		}
	}
	return c.run(ctx, filepath.Join(BinDir, "initdb"), "-D", c.dataDir(), "--auth=trust", "-U", "postgres",
		"--no-sync", "--encoding=UTF8", "--locale=C", "--no-instructions")
}

// start picks a free port and starts the server on it.
func (c *Cluster) start(ctx context.Context) error {
	port, err := freePort()
	if err != nil {
		return err
	}
	c.port = port
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k '%s' -c fsync=off "+
		"-c synchronous_commit=off -c full_page_writes=off", port, c.sockDir)
	err = c.run(ctx, filepath.Join(BinDir, "pg_ctl"), "-D", c.dataDir(), "-l", c.logFile(),
		"-w", "-t", "60", "-s", "-o", opts, "start")
	if err != nil {
		return fmt.Errorf("%w\n--- server log (tail) ---\n%s", err, c.logTail())
	}
	return nil
}

// startReaper starts a small shell, in a process group of its own, that stops
// the server and removes its files once its standard input closes: on Stop, or
// when this process dies without calling Stop (a test timeout, a panic).
func (c *Cluster) startReaper() error {
	const script = `cat >/dev/null; "$1" -D "$2" -m immediate -w -s stop >/dev/null 2>&1; rm -rf "$3" "$4"`
	cmd := c.command(context.Background(), "/bin/sh", "-c", script, "pgtest-reaper",
		filepath.Join(BinDir, "pg_ctl"), c.dataDir(), c.root, c.sockDir)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	in, err := cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("pgtest: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("pgtest: reaper: %w", err)
	}
	c.reaper, c.reaperIn = cmd, in
	return nil
}

// CreateDatabase creates database name and returns its DSN, a postgres:// URL
// on 127.0.0.1 for the user postgres.
func (c *Cluster) CreateDatabase(ctx context.Context, name string) (dsn string, err error) {
	return c.srv.createDatabase(ctx, name)
}

// DropDatabase drops database name, closing any connections still open to it.
func (c *Cluster) DropDatabase(ctx context.Context, name string) error {
	return c.srv.dropDatabase(ctx, name)
}

// Port returns the TCP port the server listens on at 127.0.0.1.
func (c *Cluster) Port() int { return c.port }

// Stop stops the server at once (pg_ctl stop -m immediate) and removes its
// files. Only the first call does anything.
func (c *Cluster) Stop() error {
	c.stopOnce.Do(func() {
		var errs []error
		if c.srv != nil {
			errs = append(errs, c.srv.db.Close())
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if c.port != 0 {
			errs = append(errs, c.run(ctx, filepath.Join(BinDir, "pg_ctl"), "-D", c.dataDir(),
				"-m", "immediate", "-w", "-s", "stop"))
		}
		if c.reaper != nil {
			// The server is already down: the reaper's own stop finds nothing to do.
			errs = append(errs, c.reaperIn.Close())
			_ = c.reaper.Wait()
		}
		errs = append(errs, c.removeFiles())
		c.stopErr = errors.Join(errs...)
	})
	return c.stopErr
}

func (c *Cluster) removeFiles() error {
	var errs []error
	for _, d := range []string{c.root, c.sockDir} {
		if d != "" {
			errs = append(errs, os.RemoveAll(d))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("pgtest: %w", err)
	}
	return nil
}

func (c *Cluster) dataDir() string { return filepath.Join(c.root, "data") }
func (c *Cluster) logFile() string { return filepath.Join(c.root, "postgres.log") }

// dsn returns the URL of database name on this cluster.
func (c *Cluster) dsn(name string) string {
	u := url.URL{
		Scheme:   "postgres",
		User:     url.User("postgres"),
		Host:     net.JoinHostPort("127.0.0.1", strconv.Itoa(c.port)),
		Path:     "/" + name,
		RawQuery: "sslmode=disable",
	}
	return u.String()
}

// command returns a command that runs as the postgres OS user when needed.
func (c *Cluster) command(ctx context.Context, path string, args ...string) *exec.Cmd {
	if c.runuser != "" {
		args = append([]string{"-u", "postgres", "--", path}, args...)
		path = c.runuser
	}
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Dir = c.root
	// PG* variables of the caller (PGDATA, PGPORT, …) must not steer the server.
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PG") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.WaitDelay = 10 * time.Second
	return cmd
}

func (c *Cluster) run(ctx context.Context, path string, args ...string) error {
	out, err := c.command(ctx, path, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("pgtest: %s: %w\n%s", filepath.Base(path), err, bytes.TrimSpace(out))
	}
	return nil
}

// logTail returns the last few lines of the server log.
func (c *Cluster) logTail() string {
	b, err := os.ReadFile(c.logFile())
	if err != nil {
		return "(no log: " + err.Error() + ")"
	}
	if len(b) > 4000 {
		b = b[len(b)-4000:]
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			b = b[i+1:]
		}
	}
	return string(bytes.TrimSpace(b))
}

// freePort asks the kernel for a free port on 127.0.0.1. Another process may
// take it before the server binds it; NewCluster then tries another.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pgtest: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// server creates and drops databases through a connection to its maintenance
// database, on a Cluster or on an existing server (HERALD_TEST_POSTGRES).
type server struct {
	db  *sql.DB
	dsn func(name string) string
	mu  sync.Mutex // serialises CREATE and DROP DATABASE
}

func newServer(adminDSN string, dsn func(string) string) *server {
	db, _ := sql.Open("pgx", adminDSN) // fails only for an unknown driver name
	db.SetMaxIdleConns(1)
	return &server{db: db, dsn: dsn}
}

func (s *server) createDatabase(ctx context.Context, name string) (dsn string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.db.ExecContext(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", fmt.Errorf("pgtest: create database %s: %w", name, err)
	}
	return s.dsn(name), nil
}

func (s *server) dropDatabase(ctx context.Context, name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
		return fmt.Errorf("pgtest: drop database %s: %w", name, err)
	}
	return nil
}
