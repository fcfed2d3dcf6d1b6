import Foundation
import WatchfloorIngest
import WatchfloorTesting

/// Everything a reader reported for one file.
struct ReadResult {
    var documents: [ParsedDocument] = []
    var rejections: [Rejection] = []
    var notices: [InputNotice] = []
    var progressBytes = 0
}

func read(
    _ name: String, bytes: [UInt8], in folder: TemporaryDirectory, reader: InputReader = InputReader()
) throws -> ReadResult {
    let url = try folder.write(name, bytes: bytes)
    var result = ReadResult()
    try reader.read(InputFile(path: url.path, size: bytes.count)) { item in
        switch item {
        case .document(let document): result.documents.append(document)
        case .rejection(let rejection): result.rejections.append(rejection)
        case .notice(let notice): result.notices.append(notice)
        case .progress(let bytes): result.progressBytes += bytes
        }
    }
    return result
}

func read(_ name: String, text: String, in folder: TemporaryDirectory, reader: InputReader = InputReader()) throws
    -> ReadResult
{
    try read(name, bytes: Array(text.utf8), in: folder, reader: reader)
}

/// Korean text in CP949 (EUC-KR compatible) bytes.
func cp949(_ text: String) -> [UInt8] {
    Array(text.data(using: String.Encoding(rawValue: 0x8000_0422))!)
}
