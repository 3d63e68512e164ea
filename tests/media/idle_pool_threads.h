#pragma once

// Call first in main() of suites that run GStreamer. LeakSanitizer checks for leaks at exit
// by stopping every thread; a GLib pool thread that reaches its idle timeout (15 s) and exits
// during that check can crash the checker ("Tracer caught signal 11") and fail a suite whose
// tests all passed. Idle pool threads are kept instead: none exits on its own any more.
void keepIdlePoolThreads();
