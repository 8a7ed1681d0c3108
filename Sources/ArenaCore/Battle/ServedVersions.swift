import Foundation

/// When the model behind each configured name changed: the versions its servers reported,
/// from the stored votes, each with when it was first and last seen. A name whose answers carry
/// more than one version changed under you (a vendor shipped a new snapshot behind a fixed
/// name): `arena stats` lists it, `arena leaderboard --by-version` ranks the versions apart.
///
/// ```swift
/// for history in ServedVersions.histories(votes) where history.changed { … }
/// ```
public enum ServedVersions {
    public struct Version: Sendable, Equatable {
        public var served: String
        public var answers: Int
        public var firstSeen: Date
        public var lastSeen: Date
    }

    public struct History: Sendable, Equatable {
        public var model: String
        /// In order of first appearance.
        public var versions: [Version]
        public var changed: Bool { versions.count > 1 }
    }

    /// Every configured name with at least one reported version, by name. `votes` in time order.
    public static func histories(_ votes: [RankingVote]) -> [History] {
        var byModel: [String: [Version]] = [:]
        for vote in votes {
            let when = vote.record.createdAt
            for contender in vote.contenders {
                guard let served = contender.servedModel else { continue }
                var versions = byModel[contender.model, default: []]
                if let index = versions.firstIndex(where: { $0.served == served }) {
                    versions[index].answers += 1
                    versions[index].firstSeen = min(versions[index].firstSeen, when)
                    versions[index].lastSeen = max(versions[index].lastSeen, when)
                } else {
                    versions.append(Version(served: served, answers: 1, firstSeen: when, lastSeen: when))
                }
                byModel[contender.model] = versions
            }
        }
        return byModel.keys.sorted().map { History(model: $0, versions: byModel[$0]!) }
    }

    /// `model` as `--by-version` ranks it: with the reported version, when there is one.
    public static func label(model: String, served: String?) -> String {
        served.map { "\(model) (\($0))" } ?? model
    }
}
