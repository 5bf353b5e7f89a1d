package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Set once by TestMain, read by every test.
var (
	heraldBin string // the herald binary built from this tree
	serveAddr string // host:port of the shared `herald serve --demo`
	baseURL   string // "http://" + serveAddr
)

func TestMain(m *testing.M) { os.Exit(runMain(m)) }

// runMain builds herald, serves the demo newsroom while the tests run, then stops
// it with SIGTERM and fails the run unless it exits 0 in time.
func runMain(m *testing.M) int {
	tmp, err := os.MkdirTemp("", "herald-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(tmp)

	heraldBin, err = buildHerald(tmp)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	port, err := freePort()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	serveAddr = fmt.Sprintf("127.0.0.1:%d", port)
	baseURL = "http://" + serveAddr

	srv, err := startServe(heraldEnv(nil), "serve", "--demo", "--db", filepath.Join(tmp, "herald.db"), "--addr", serveAddr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	if err := srv.waitHealthy(baseURL, 60*time.Second); err != nil {
		srv.kill()
		fmt.Fprintf(os.Stderr, "e2e: %v\nherald's output:\n%s", err, srv.output())
		return 1
	}

	code := m.Run()

	// Herald must drain and exit 0 on SIGTERM, as under a service manager.
	if err := srv.stop(20 * time.Second); err != nil {
		fmt.Fprintf(os.Stderr, "--- FAIL: shutdown of the shared herald serve: %v\nherald's output:\n%s", err, srv.output())
		return 1
	}
	return code
}

// buildHerald builds ./cmd/herald from the module root into dir.
func buildHerald(dir string) (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("go env GOMOD: not inside a module")
	}
	bin := filepath.Join(dir, "herald")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/herald")
	cmd.Dir = filepath.Dir(gomod)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/herald: %w\n%s", err, out)
	}
	return bin, nil
}

// freePort returns a loopback port that was free a moment ago.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// heraldEnv is this process's environment without HERALD_* variables, so
// that a developer's settings cannot change what the tests see, plus extra.
func heraldEnv(extra []string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "HERALD_") {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

// lockedBuffer collects a process's output while tests read it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// process is a herald that runs in the background.
type process struct {
	cmd  *exec.Cmd
	out  *lockedBuffer
	done chan struct{} // closed when the process has exited
	err  error         // the result of Wait, once done is closed
}

// startServe starts herald with args in the background.
func startServe(env []string, args ...string) (*process, error) {
	p := &process{out: new(lockedBuffer), done: make(chan struct{})}
	p.cmd = exec.Command(heraldBin, args...)
	p.cmd.Env = env
	p.cmd.Stdout = p.out
	p.cmd.Stderr = p.out
	if err := p.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start herald: %w", err)
	}
	go func() {
		p.err = p.cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

func (p *process) output() string { return p.out.String() }

// waitHealthy polls base/healthz until it answers 200, the process exits, or
// the time is up.
func (p *process) waitHealthy(base string, limit time.Duration) error {
	client := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(limit)
	for {
		select {
		case <-p.done:
			return fmt.Errorf("herald exited before it answered /healthz: %v", p.err)
		default:
		}
		resp, err := client.Get(base + "/healthz")
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s/healthz did not answer 200 within %v (last error: %v)", base, limit, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stop sends SIGTERM and waits up to limit for an exit with status 0.
func (p *process) stop(limit time.Duration) error {
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return fmt.Errorf("send SIGTERM: %w", err)
	}
	select {
	case <-p.done:
		if p.err != nil {
			return fmt.Errorf("after SIGTERM herald exited with %v, want status 0", p.err)
		}
		return nil
	case <-time.After(limit):
		p.kill()
		return fmt.Errorf("herald did not exit within %v of SIGTERM", limit)
	}
}

// kill ends the process at once and waits for it.
func (p *process) kill() {
	_ = p.cmd.Process.Kill()
	<-p.done
}

// serveT starts herald for one test and stops it (SIGKILL) when the test ends,
// unless the test stopped it already.
func serveT(t testing.TB, env []string, args ...string) *process {
	t.Helper()
	p, err := startServe(env, args...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		select {
		case <-p.done:
		default:
			p.kill()
		}
	})
	return p
}

// result is how a short herald command ended.
type result struct {
	code           int
	stdout, stderr string
}

// herald runs a herald command that should end by itself within 30 s.
func herald(t testing.TB, env []string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, heraldBin, args...)
	if env == nil {
		env = heraldEnv(nil)
	}
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = 5 * time.Second
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("herald %s: still running after 30 s; stderr:\n%s", strings.Join(args, " "), r.stderr)
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("herald %s: %v", strings.Join(args, " "), err)
	}
	return r
}

// get fetches a path from the shared server and returns the status and body.
func get(t testing.TB, path string) (int, []byte) {
	t.Helper()
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(baseURL + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: read the body: %v", path, err)
	}
	return resp.StatusCode, body
}

// needTool fails the test in CI and skips it elsewhere: CI must have every
// tool that scripts/install-test-deps.sh installs, a developer may not.
func needTool(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...) + "; run scripts/install-test-deps.sh"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}
