// Package e2e holds end-to-end tests that run the real herald binary: TestMain
// builds cmd/herald once, starts `herald serve --demo` on a free loopback port
// and stops it with SIGTERM at the end, expecting a clean exit.
//
// The tests drive the command line as a user would (exit codes, messages, what
// is left on disk), browse the running site with Debian's Chromium through
// chromedp (DESIGN.md §9), and check the served pages with the Nu HTML Checker.
// Chromium and vnu.jar come from scripts/install-test-deps.sh; without them the
// browser and markup tests skip, except under CI=true, where they fail.
//
// The package holds tests only; nothing imports it.
package e2e
