import ArenaCore
import GRDB

/// A column that holds one word of a fixed set (`battle.mode`, `answer.finish_reason`,
/// `answer.error_kind`, `verdict.outcome`, `seat.provider`): the record holds the enum, GRDB
/// writes its raw value and reads it back, and a word this arena does not know is a
/// `StoreError.unknownValue`, never a default.
///
/// ```swift
/// struct BattleRow: StoredRecord { var mode: BattleMode … }          // written as 'screen', read as .screen
/// let mode: BattleMode = try StoredEnum.decode(text, column: "battle.mode")   // a raw query column
/// ```
///
/// Traps: GRDB reports an unknown value as a `RowDecodingError` that names neither the table nor
/// the value; read records through `StoredRecord.fetchAllStrictly` / `fetchOneStrictly`, which
/// name both. The PostgreSQL backend decodes through `PostgresRowCoding`, which does the same.
protocol StoredEnumeration: RawRepresentable, Codable, Sendable, DatabaseValueConvertible where RawValue == String {}

extension BattleMode: DatabaseValueConvertible, StoredEnumeration {}
extension FinishReason: DatabaseValueConvertible, StoredEnumeration {}
extension ProviderError.Kind: DatabaseValueConvertible, StoredEnumeration {}
extension ProviderKind: DatabaseValueConvertible, StoredEnumeration {}

/// `verdict.outcome`: what a verdict row says, beside `winner_seat` (set exactly for `.seat`)
/// and `ranking` (set exactly for `.rank`).
enum VerdictOutcome: String, StoredEnumeration, CaseIterable {
    case seat, rank, tie, bad, skip
}

/// Reads a stored enum strictly: an unknown raw value is a `StoreError.unknownValue`, never a default.
enum StoredEnum {
    static func decode<T: RawRepresentable>(_ raw: String, column: String) throws(StoreError) -> T where T.RawValue == String {
        guard let value = T(rawValue: raw) else { throw StoreError.unknownValue(raw, column: column) }
        return value
    }
}
