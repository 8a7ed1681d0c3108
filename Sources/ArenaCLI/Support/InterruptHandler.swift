import Dispatch
import Foundation

/// Turns Ctrl-C into task cancellation while streaming: the first press cancels every stream
/// (the battle is then discarded, the store untouched); a second press exits at once. Keep one
/// alive for as long as Ctrl-C should be handled (`arena ask` keeps it through the verdict
/// prompt, where the action says the stored battle was kept): once it is gone, Ctrl-C kills
/// the process silently.
final class InterruptHandler: @unchecked Sendable {
    private let source: DispatchSourceSignal
    private let lock = NSLock()
    private var presses = 0
    private var onInterrupt: (@Sendable () -> Void)?

    init() {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [weak self] in self?.fire() }
        source.resume()
    }

    /// What the next Ctrl-C does; nil means exit at once.
    func onInterrupt(_ action: (@Sendable () -> Void)?) {
        lock.lock(); defer { lock.unlock() }
        onInterrupt = action
        presses = 0
    }

    private func fire() {
        lock.lock()
        presses += 1
        let action = presses == 1 ? onInterrupt : nil
        lock.unlock()
        if let action {
            action()
        } else {
            FileHandle.standardError.write(Data("\narena: interrupted\n".utf8))
            exit(130)
        }
    }

    deinit {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
