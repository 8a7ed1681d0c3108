import Synchronization

/// The one source of chance a component draws from — seat shuffles, retry jitter — shared safely
/// across tasks. Seeded, the draws repeat exactly (tests, `--seed`); unseeded, it is the system's.
///
/// ```swift
/// let random = RandomSource(seed: 7)
/// let seats = random.draw { SeatShuffler.seats(for: models, using: &$0) }
/// ```
public final class RandomSource: Sendable {
    private let generator: Mutex<SeededGenerator>

    /// `seed` nil: a fresh seed from the system generator.
    public init(seed: UInt64? = nil) {
        var system = SystemRandomNumberGenerator()
        generator = Mutex(SeededGenerator(seed: seed ?? system.next()))
    }

    /// Runs `body` with exclusive use of the generator.
    public func draw<T>(_ body: (inout SeededGenerator) -> T) -> T {
        generator.withLock { body(&$0) }
    }
}
