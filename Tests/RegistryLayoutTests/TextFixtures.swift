/// The metadata blocks that open IANA's text page, as the text reader takes them and the text
/// writer writes them (shared by both suites).
let textPageMetadata = """
    Last Updated
            2026-08-17

    Expert(s)

     TCP/UDP: Joe Touch
     SCTP: Michael Tuexen

    Reference
            [RFC6335]

    Note


    """
