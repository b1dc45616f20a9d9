// Threads for a start's work beside the main thread (issue 15); see
// Sources/SamtalApp/Threads.swift. In C: the calls it needs (CPU
// affinity, thread names, SCHED_IDLE) are GNU extensions the Swift
// Glibc module does not expose.
#ifndef SAMTAL_CTHREADS_H
#define SAMTAL_CTHREADS_H

/// Starts a detached thread running body(context): made on the process's
/// cores other than the caller's (when there are others), then allowed on
/// all of them again; named `name` (cut to 15 bytes). 0 when started,
/// else an error number (and body is not run).
int samtal_start_thread(void *(*body)(void *), void *context, const char *name);

/// From now on the calling thread runs only on a core nothing else wants
/// (SCHED_IDLE).
void samtal_run_when_idle(void);

#endif
