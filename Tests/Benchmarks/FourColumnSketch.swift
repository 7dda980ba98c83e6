// A reference for `make bench`, not part of ianaconv: the SAX2 pass issue #9 measured its
// targets against ("a Swift SAX2 sketch writing four columns"). libxml2's SAX2 parser over the
// file, and for each record its name, number, protocol and description CSV-quoted into one
// buffer, written once: no model, no locations, no checks, no threads. What ianaconv does
// beyond this is the cost of the model every layout shares.
// Built by run.sh: swiftc -O -I Sources/CLibXML2 $(pkg-config --cflags libxml-2.0) …
import CLibXML2
import Glibc

let cellSize = 16384

struct Sketch {
    var open = -1  // the column being read, or -1
    var names: [(UnsafePointer<xmlChar>, Int)] = []  // libxml2 interns names: one address each
    let cells = UnsafeMutablePointer<UInt8>.allocate(capacity: 4 * cellSize)
    var lengths = (0, 0, 0, 0)
    let out = UnsafeMutablePointer<UInt8>.allocate(capacity: 16 << 20)
    var count = 0

    /// 0...3 for the four columns, 4 for `record`, -1 for any other element.
    mutating func column(_ name: UnsafePointer<xmlChar>) -> Int {
        for (known, column) in names where known == name { return column }
        let column = ["name", "number", "protocol", "description", "record"].firstIndex(of: String(cString: name)) ?? -1
        names.append((name, column))
        return column
    }

    func length(_ column: Int) -> Int { [lengths.0, lengths.1, lengths.2, lengths.3][column] }

    mutating func setLength(_ column: Int, _ value: Int) {
        switch column {
        case 0: lengths.0 = value
        case 1: lengths.1 = value
        case 2: lengths.2 = value
        default: lengths.3 = value
        }
    }

    mutating func writeRow() {
        var o = out + count
        for column in 0..<4 {
            if column > 0 { o.pointee = UInt8(ascii: ","); o += 1 }
            let cell = UnsafeBufferPointer(start: cells + column * cellSize, count: length(column))
            if cell.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A }) {
                o.pointee = 0x22; o += 1
                for byte in cell {
                    if byte == 0x22 { o.pointee = 0x22; o += 1 }
                    o.pointee = byte; o += 1
                }
                o.pointee = 0x22; o += 1
            } else {
                o.update(from: cell.baseAddress!, count: cell.count); o += cell.count
            }
        }
        o[0] = 0x0D; o[1] = 0x0A
        count = o + 2 - out
        lengths = (0, 0, 0, 0)
    }
}

let startElement: startElementNsSAX2Func = { context, name, _, _, _, _, _, _, _ in
    let sketch = context!.assumingMemoryBound(to: Sketch.self)
    let column = sketch.pointee.column(name!)
    if (0..<4).contains(column) { sketch.pointee.open = column }  // an inline xref's text stays in its cell
}
let endElement: endElementNsSAX2Func = { context, name, _, _ in
    let sketch = context!.assumingMemoryBound(to: Sketch.self)
    switch sketch.pointee.column(name!) {
    case 0..<4: sketch.pointee.open = -1
    case 4: sketch.pointee.writeRow()
    default: break
    }
}
let characters: charactersSAXFunc = { context, bytes, length in
    let sketch = context!.assumingMemoryBound(to: Sketch.self)
    let column = sketch.pointee.open
    guard column >= 0, let bytes else { return }
    let used = sketch.pointee.length(column)
    let taken = min(Int(length), cellSize - used)
    (sketch.pointee.cells + column * cellSize + used).update(from: bytes, count: taken)
    sketch.pointee.setLength(column, used + taken)
}

let file = open(CommandLine.arguments[1], O_RDONLY)
var status = stat()
fstat(file, &status)
let input = UnsafeMutablePointer<CChar>.allocate(capacity: Int(status.st_size))
_ = read(file, input, Int(status.st_size))
let sketch = UnsafeMutablePointer<Sketch>.allocate(capacity: 1)
sketch.initialize(to: Sketch())
var handler = xmlSAXHandler()  // only these callbacks: libxml2's defaults would build a tree
handler.initialized = UInt32(XML_SAX2_MAGIC)
handler.startElementNs = startElement
handler.endElementNs = endElement
handler.characters = characters
let parser = xmlCreateMemoryParserCtxt(input, Int32(status.st_size))!
parser.pointee.sax.pointee = handler
parser.pointee.userData = UnsafeMutableRawPointer(sketch)
xmlCtxtUseOptions(parser, Int32(XML_PARSE_NONET.rawValue))
xmlParseDocument(parser)
_ = write(1, sketch.pointee.out, sketch.pointee.count)
