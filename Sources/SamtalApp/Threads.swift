import CThreads
import Foundation
import SamtalCore

/// Starts `body` on a new thread of its own (issue 15).
///
/// At a start, a new thread was measured to wait 0.8–2.1 ms before it
/// first ran (`perf sched timehist`, "sch delay") while the other core
/// was idle: Linux queued it on the core that made it, behind the main
/// thread, until the load was balanced. So the thread is made on the
/// process's other cores (when there are any), and once running may go
/// anywhere the process may (`samtal_start_thread`, in C).
///
/// Throws when no thread can be made (a limit on processes or threads
/// reached): the caller decides whether its work can be done without one.
public func startThread(name: String, _ body: @escaping @Sendable () -> Void) throws {
    final class Body { let run: @Sendable () -> Void; init(_ run: @escaping @Sendable () -> Void) { self.run = run } }
    let context = Unmanaged.passRetained(Body(body)).toOpaque()
    let made = samtal_start_thread({ context in
        Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
        return nil
    }, context, name)
    if made != 0 {
        Unmanaged<Body>.fromOpaque(context).release()
        throw ThreadError(code: made)
    }
}

/// No thread could be made.
public struct ThreadError: Explained {
    /// The error number pthread_create returned (EAGAIN: a limit reached).
    public var code: Int32

    public func message(_ language: Language) -> String {
        let reason = String(cString: strerror(code))
        switch language {
        case .sv: return "kan inte starta en tråd (\(reason)): datorn eller kontot har nått sin gräns för processer och trådar. Stäng andra program eller höj gränsen (ulimit -u) och starta samtal igen."
        case .en: return "cannot start a thread (\(reason)): the computer or the account has reached its limit of processes and threads. Close other programs or raise the limit (ulimit -u) and start samtal again."
        }
    }

    public var description: String { message(.en) }
}

/// For work done ahead of the main thread, which only helps while it does
/// not take a core the main thread or a worker could use: from now on the
/// calling thread runs only on a core nothing else wants (`SCHED_IDLE`).
public func runOnlyWhenACoreIsIdle() {
    samtal_run_when_idle()
}
