#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small helpers around libpq's C conventions.
enum Libpq {
    /// Joins libpq's multi-line messages (`\n\t` continuation lines, `FATAL:  ` double spaces,
    /// trailing newline) into one line with single spaces.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Calls `body` with a NULL-terminated C array of C strings (NULL for nil), valid only
    /// during the call.
    static func withCStringArray<R>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let copies: [UnsafeMutablePointer<CChar>?] = strings.map { $0.flatMap { strdup($0) } }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { $0.map { UnsafePointer($0) } } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// Sleeps the calling thread (at most a minute): these APIs are synchronous by design. Callers
    /// in async code reach it through `PostgresWorker`, whose own thread is the one that sleeps.
    static func pause(milliseconds: Int) {
        guard milliseconds > 0 else { return }
        usleep(UInt32(min(milliseconds, 60_000)) * 1000)
    }
}
