/// A registry XML large enough to be read in parts (about 1.8 MB): 8,000 distinct records in
/// IANA's layout, `middle` between the first and the last 4,000, and a people table.
public enum SyntheticRegistry {
    public static func xml(middle: String = "") -> String {
        func records(_ range: Range<Int>) -> String {
            range.map { i in
                """
                  <record date="2001-01-01">
                    <name>svc\(i)</name>
                    <protocol>\(i % 2 == 0 ? "tcp" : "udp")</protocol>
                    <description>Service \(i)<br/>second line</description>
                    <xref type="person" data="P\(i % 7)"/>
                    <number>\(1000 + i)</number>
                  </record>

                """
            }.joined()
        }
        let people = (0..<7).map { "    <person id=\"P\($0)\"><name>Person \($0)</name></person>\n" }.joined()
        return """
            <?xml version='1.0' encoding='UTF-8'?>
            <registry xmlns="http://www.iana.org/assignments" id="service-names-port-numbers">
              <title>T</title>
            \(records(0..<4000))\(middle)\(records(4000..<8000))  <people>
            \(people)  </people>
            </registry>

            """
    }

    /// Lines that look like records inside a comment long enough that a cut at the middle of
    /// the file lands in it.
    public static let commentedRecords =
        "  <!--\n" + (0..<4000).map { "  <record><name>old\($0)</name></record>\n" }.joined() + "  -->\n"
}
