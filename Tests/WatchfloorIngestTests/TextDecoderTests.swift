import Foundation
import Testing
@testable import WatchfloorIngest

@Suite struct TextDecoderTests {
    let decoder = TextDecoder()

    @Test func readsUTF8WithAndWithoutBOM() throws {
        #expect(try decoder.decode(Array("유가족 visit".utf8)).text == "유가족 visit")
        let withBOM = try decoder.decode([0xEF, 0xBB, 0xBF] + Array("hello".utf8))
        #expect(withBOM.text == "hello")
        #expect(withBOM.encoding == .utf8)
    }

    @Test func readsUTF16WithBOM() throws {
        let text = "평양 Pyongyang"
        let le = [0xFF, 0xFE] + Array(text.data(using: .utf16LittleEndian)!)
        let be = [0xFE, 0xFF] + Array(text.data(using: .utf16BigEndian)!)
        #expect(try decoder.decode(le).text == text)
        #expect(try decoder.decode(le).encoding == .utf16LE)
        #expect(try decoder.decode(be).text == text)
        #expect(try decoder.decode(be).encoding == .utf16BE)
    }

    @Test func detectsLegacyKorean() throws {
        let decoded = try decoder.decode(cp949("전사자 유가족에게 쌀과 기름이 전달되었다."))
        #expect(decoded.text == "전사자 유가족에게 쌀과 기름이 전달되었다.")
        #expect(decoded.encoding == .cp949)
        #expect(try decoder.decode(cp949("혜산"), declared: .eucKR).text == "혜산")
    }

    @Test func invalidUTF8NamesTheLine() {
        let bytes = Array("first line\nsecond line\nbad \u{0}".utf8.dropLast()) + [0xC3, 0x28]
        let error = #expect(throws: InputProblem.self) { try decoder.decode(bytes) }
        #expect(error == .invalidUTF8(line: 3, byteOffset: 27))
        #expect(error?.description.contains("line 3") == true)
    }

    @Test func binaryIsNamed() throws {
        let pdf = Array("%PDF-1.7\n".utf8) + [0, 1, 2]
        #expect(throws: InputProblem.binary("a PDF document")) { try decoder.decode(pdf) }
        let error = #expect(throws: InputProblem.self) { try decoder.decode([0x41, 0, 0x42, 0, 0x43, 0, 0x44]) }
        #expect(error?.description.contains("NUL byte") == true)
        // One stray NUL is a damaged record, not a binary file: the reader rejects that record alone.
        #expect(try decoder.decode([0x41, 0x00, 0x42, 0x43]).text == "A\u{0}BC")
    }

    @Test func declaredEncodingMustFit() {
        #expect(throws: InputProblem.self) { try decoder.decode([0x41, 0xFF, 0x41], declared: .cp949) }
        #expect(throws: InputProblem.self) { try decoder.decode([0xC3, 0x28], declared: .utf8) }
    }

    @Test func truncatedUTF16IsReported() {
        let error = #expect(throws: InputProblem.self) { try decoder.decode([0xFF, 0xFE, 0x41, 0x00, 0x42]) }
        #expect(error?.description.contains("odd number of bytes") == true)
    }
}
