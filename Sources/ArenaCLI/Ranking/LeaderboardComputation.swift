import ArenaRanking
import Foundation

/// Fits the chosen method with bootstrap intervals: the numbers behind `arena leaderboard`.
///
/// Bradley–Terry on two-seat data; as soon as one counted battle has three or more seats, the
/// Plackett–Luce fit of the same battles (`usesRankings`), which equals Bradley–Terry on the
/// two-seat ones, with a battle-level bootstrap, so a four-way ranking is one unit of evidence.
/// Elo and style control stay pairwise (each ranking as the pairs it orders).
struct LeaderboardComputation {
    enum Method: String, CaseIterable, Sendable { case bt, elo }
    enum Ties: String, CaseIterable, Sendable { case half, davidson }

    struct Options {
        var method = Method.bt
        var ties = Ties.half
        var rounds = 1000
        var seed: UInt64 = 1
        var anchor: (model: String, rating: Double)?
        var styleControl = false
    }

    /// What was asked for (method, ties, rounds, seed …): the printer's notes name it.
    let options: Options
    var rows: [LeaderboardRow]
    var counts: ComparisonCounts
    var bootstrap: BootstrapResult
    var ratings: [Double]
    var tieParameter: Double?
    var styleCoefficients: [StyleCoefficient] = []
    /// Whether the fit was Plackett–Luce over whole battles (some battle had 3+ seats).
    var usesRankings = false
    /// Plackett–Luce's model-based gap errors, for the anytime-valid pair rule (nil: Bradley–Terry's).
    var rankingGaps: InformationGapCovariance?

    init(data: RankingData, options: Options) throws {
        self.options = options
        counts = try data.counts()
        var anchor = Anchor.default
        if let pinned = options.anchor {
            guard let index = data.models.firstIndex(of: pinned.model) else {
                throw CLIFailure.badInput("--anchor: no verdicts for a model named \(pinned.model)")
            }
            anchor = .model(index, rating: pinned.rating)
        }
        let fitOptions = FitOptions(anchor: anchor)
        let rounds = max(options.rounds, 1)
        var flags: [RatingFlags] = []
        switch (options.method, options.styleControl) {
        case (.elo, _):
            ratings = try OnlineElo.ratings(data.comparisons, modelCount: data.models.count, anchor: anchor)
            bootstrap = try Bootstrap.onlineElo(data.comparisons, modelCount: data.models.count, anchor: anchor,
                                                rounds: rounds, seed: options.seed)
        case (.bt, true):
            let fit = try StyleControlledBT.fit(data.styled, modelCount: data.models.count,
                                                options: StyleControlledBT.Options(anchor: anchor))
            ratings = fit.fit.ratings
            flags = fit.fit.flags
            styleCoefficients = fit.coefficients
            bootstrap = try Bootstrap.styleControlled(data.styled, modelCount: data.models.count,
                                                      options: StyleControlledBT.Options(anchor: anchor),
                                                      rounds: rounds, seed: options.seed)
        case (.bt, false) where data.rankedBattles.contains(where: { $0.models.count > 2 }):
            let ranked = try RankedBattleCounts(modelCount: data.models.count, battles: data.rankedBattles).canonicallyOrdered()
            let ties: PlackettLuce.Ties = options.ties == .davidson ? .davidson : .halfWins
            let fit = try PlackettLuce.fit(ranked, ties: ties, options: fitOptions)
            ratings = fit.ratings
            flags = fit.fit.flags
            tieParameter = fit.fit.tieParameter
            usesRankings = true
            rankingGaps = try? fit.gapCovariance()
            bootstrap = try Bootstrap.plackettLuce(ranked, ties: ties, options: fitOptions, rounds: rounds, seed: options.seed)
        case (.bt, false):
            let method: RatingMethod = options.ties == .davidson ? .davidson : .bradleyTerry
            let fit = method == .davidson ? try Davidson.fit(counts, options: fitOptions) : try BradleyTerry.fit(counts, options: fitOptions)
            ratings = fit.ratings
            flags = fit.flags
            tieParameter = fit.tieParameter
            bootstrap = try Bootstrap.ratings(counts, method: method, options: fitOptions, rounds: rounds, seed: options.seed)
        }
        rows = Leaderboard.rows(ratings: ratings, intervals: bootstrap.intervals(), counts: counts, flags: flags)
    }
}
