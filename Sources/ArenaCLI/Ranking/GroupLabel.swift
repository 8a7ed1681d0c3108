/// The name of a comparison component on screen: A for the largest group of models linked by
/// battles, then B, C … (past Z: 27, 28 …).
enum GroupLabel {
    static func of(_ component: Int) -> String {
        component < 26 ? String(UnicodeScalar(UInt8(65 + component))) : String(component + 1)
    }
}
