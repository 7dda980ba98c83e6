/// Hand-made CSV registries under IANA's header, for tests that need a few records.
public enum IANACSV {
    public static let header = "Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,Assignment Notes\r\n"

    /// The header, then each row ended by CRLF.
    public static func file(_ rows: String...) -> String {
        header + rows.map { $0 + "\r\n" }.joined()
    }
}
