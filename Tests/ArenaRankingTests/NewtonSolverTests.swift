import ArenaTestTraits
import Testing
@testable import ArenaRanking

/// `NewtonSolver.maximize` reports convergence only at a maximum.
@Suite(.ownThread) struct NewtonSolverTests {
    /// f(x) = −(x − 1)², maximum at 1.
    static func parabola(_ x: [Double]) -> Double { -(x[0] - 1) * (x[0] - 1) }

    @Test func aFailedLineSearchIsNotConvergence() throws {
        // The derivatives point the wrong way (the gradient's sign flipped, as a bug would), so
        // every step along the Newton direction lowers f: the line search finds nothing.
        let solved = try NewtonSolver.maximize(start: [0], maxIterations: 50, value: Self.parabola) { x, g, h in
            g[0] = 2 * (x[0] - 1)
            h[0] = 2
            return Self.parabola(x)
        }
        #expect(!solved.converged)
        #expect(solved.x == [0])             // the last accepted point, not a step that lost
        #expect(solved.iterations == 1)
    }

    @Test func aValueThatIsNaNEverywhereElseIsNotConvergence() throws {
        // The objective is defined only at the start: no trial point is ever accepted.
        let solved = try NewtonSolver.maximize(start: [0.5], maxIterations: 50,
                                               value: { $0 == [0.5] ? -1 : .nan }) { _, g, h in
            g[0] = 1
            h[0] = 1
            return -1
        }
        #expect(!solved.converged && solved.x == [0.5])
    }

    @Test func aSmoothConcaveObjectiveConverges() throws {
        let solved = try NewtonSolver.maximize(start: [-3], maxIterations: 50, value: Self.parabola) { x, g, h in
            g[0] = -2 * (x[0] - 1)
            h[0] = 2
            return Self.parabola(x)
        }
        #expect(solved.converged && abs(solved.x[0] - 1) < 1e-12)
    }

    @Test func startingAtTheMaximumConvergesWithoutASearch() throws {
        // Gradient 0: the decrement is within tolerance, so the (zero) step is taken and accepted.
        var searched = 0
        let solved = try NewtonSolver.maximize(start: [1], maxIterations: 50, value: { x in searched += 1; return Self.parabola(x) }) { x, g, h in
            g[0] = -2 * (x[0] - 1)
            h[0] = 2
            return Self.parabola(x)
        }
        #expect(solved.converged && solved.x == [1] && solved.iterations == 1 && searched == 0)
    }
}
