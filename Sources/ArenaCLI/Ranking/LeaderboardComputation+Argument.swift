import ArgumentParser

// `--method` and `--ties` of `arena leaderboard`: a bad value is refused by argument-parser, which
// names the allowed values, and `--help` lists them.
extension LeaderboardComputation.Method: ExpressibleByArgument {}
extension LeaderboardComputation.Ties: ExpressibleByArgument {}
