import CThreads

/// Starts `body` on a new thread of its own (issue 15).
///
/// At a start, a new thread was measured to wait 0.8–2.1 ms before it
/// first ran (`perf sched timehist`, "sch delay") while the other core
/// was idle: Linux queued it on the core that made it, behind the main
/// thread, until the load was balanced. So the thread is made on the
/// process's other cores (when there are any), and once running may go
/// anywhere the process may (`samtal_start_thread`, in C).
public func startThread(name: String, _ body: @escaping @Sendable () -> Void) {
    final class Body { let run: @Sendable () -> Void; init(_ run: @escaping @Sendable () -> Void) { self.run = run } }
    let context = Unmanaged.passRetained(Body(body)).toOpaque()
    let made = samtal_start_thread({ context in
        Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
        return nil
    }, context, name)
    // No thread (a limit reached): the work is done here instead.
    if made != 0 {
        Unmanaged<Body>.fromOpaque(context).release()
        body()
    }
}

/// For work done ahead of the main thread, which only helps while it does
/// not take a core the main thread or a worker could use: from now on the
/// calling thread runs only on a core nothing else wants (`SCHED_IDLE`).
public func runOnlyWhenACoreIsIdle() {
    samtal_run_when_idle()
}
