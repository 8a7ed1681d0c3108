/// A count with its noun, in the right number: every message that prints "N things" goes through it.
///
/// ```swift
/// counted(1, "verdict")              // "1 verdict"
/// counted(3, "verdict")              // "3 verdicts"
/// counted(2, "reply", "replies")     // "2 replies"
/// "about \(counted(1, "more vote"))" // "about 1 more vote"
/// ```
///
/// Traps: the noun is pluralised by appending "s" unless `plural` is given, so irregular nouns
/// ("match", "reply") need it. Only exactly 1 (or -1) is singular: 0 takes the plural, as in English.
public func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) " + pluralised(count, singular, plural)
}

/// The noun alone, in the number `count` calls for: `pluralised(2, "model")` is "models".
public func pluralised(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    abs(count) == 1 ? singular : plural ?? singular + "s"
}
