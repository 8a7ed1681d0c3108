import ArenaCore
import ArenaUI
import Foundation
import Synchronization

/// Prints several concurrent answers as they stream, line by line, each line prefixed with its
/// seat label (`A │ …`), like `docker compose logs`. Partial lines are held until they end or
/// grow past the terminal width (then broken at a space), so answers never interleave mid-line.
final class LabelledStreamPrinter: Sendable {
    private struct SeatBuffer {
        var text = ""
        var reasoning = ""
    }

    private let buffers: Mutex<[Int: SeatBuffer]>
    private let console: ConsoleWriter
    private let style: Style
    private let width: Int
    private let names: [Int: String]
    private let hiding: [String]

    /// - Parameter names: shown beside labels only when the battle is not blind.
    /// - Parameter hiding: names, model ids and hosts masked (with vendor words) in errors and retry
    ///   notices, which are printed before the vote; empty when the battle is not blind.
    init(seatCount: Int, console: ConsoleWriter, style: Style, width: Int, names: [Int: String] = [:],
         hiding: [String] = []) {
        self.hiding = hiding
        buffers = Mutex(Dictionary(uniqueKeysWithValues: (0..<seatCount).map { ($0, SeatBuffer()) }))
        self.console = console
        self.style = style
        self.width = max(width, 30)
        self.names = names
    }

    func handle(seat: Int, event: StreamEvent) {
        var output = ""
        buffers.withLock { buffers in
            var buffer = buffers[seat] ?? SeatBuffer()
            switch event {
            case .text(let piece):
                if !buffer.reasoning.isEmpty { output += drain(&buffer.reasoning, seat: seat, reasoning: true, all: true) }
                buffer.text += piece
                output += drain(&buffer.text, seat: seat, reasoning: false, all: false)
            case .reasoning(let piece):
                buffer.reasoning += piece
                output += drain(&buffer.reasoning, seat: seat, reasoning: true, all: false)
            case .retrying(let attempt, let delay, let reason):
                output += prefix(seat, mark: "…") + style.yellow("\(masked(reason.message)) — retry \(attempt) in \(String(format: "%.1f", delay)) s") + "\n"
            case .finished(let reason):
                output += drain(&buffer.reasoning, seat: seat, reasoning: true, all: true)
                output += drain(&buffer.text, seat: seat, reasoning: false, all: true)
                if reason == .truncated { output += prefix(seat, mark: "…") + style.yellow("(answer truncated)") + "\n" }
                if reason == .length { output += prefix(seat, mark: "…") + style.dim("(stopped at the token limit)") + "\n" }
            case .failed(let error):
                output += drain(&buffer.reasoning, seat: seat, reasoning: true, all: true)
                output += drain(&buffer.text, seat: seat, reasoning: false, all: true)
                output += prefix(seat, mark: "✗") + style.red("error: \(masked(error.description))") + "\n"
            case .usage, .served:
                break
            }
            buffers[seat] = buffer
        }
        if !output.isEmpty { console.out(output) }
    }

    /// Before the vote nothing printed may name a seat's model: its name, model id, host or vendor.
    private func masked(_ message: String) -> String {
        hiding.isEmpty ? message : IdentityLeakGuard.default.redacted(message, hiding: hiding)
    }

    private func prefix(_ seat: Int, mark: String) -> String {
        let label = SeatLabels.label(for: seat)
        let name = names[seat].map { " \($0)" } ?? ""
        return style.seat(seat, label + name) + " " + style.dim(mark) + " "
    }

    /// Emits the complete lines of `pending` (and the rest when `all`), leaving a partial line.
    private func drain(_ pending: inout String, seat: Int, reasoning: Bool, all: Bool) -> String {
        let room = width - 4 - (names[seat].map { $0.count + 1 } ?? 0)
        var output = ""
        let mark = reasoning ? "┊" : "│"
        func emit(_ line: Substring) {
            let body = reasoning ? style.dim(String(line)) : String(line)
            output += prefix(seat, mark: mark) + body + "\n"
        }
        while let newline = pending.firstIndex(of: "\n") {
            emit(pending[..<newline])
            pending.removeSubrange(...newline)
        }
        while pending.count > room {
            let limit = pending.index(pending.startIndex, offsetBy: room)
            let breakAt = pending[..<limit].lastIndex(of: " ") ?? limit
            emit(pending[..<breakAt])
            pending.removeSubrange(..<breakAt)
            if pending.first == " " { pending.removeFirst() }
        }
        if all, !pending.isEmpty {
            emit(pending[...])
            pending = ""
        }
        return output
    }
}
