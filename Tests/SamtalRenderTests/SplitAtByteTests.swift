import Testing
@testable import SamtalRender

/// Wrapping splits text at spaces and line breaks by byte (`splitAtByte`),
/// not by `Character`: the pieces must be the same, for any typed text.
@Suite struct SplitAtByteTests {
    static let alphabet: [String] = ["a", "å", "Ä", "ö", " ", " ", "\n", "😀", "👩‍👩‍👧", "漢", "e\u{301}", "-", "  ", "\n\n"]

    @Test("the pieces are those of a split by Character, for random texts")
    func sameAsCharacterSplit() {
        var rng = NotesWindowEquivalenceTests.Generator(state: 15)
        for _ in 0..<2_000 {
            let n = Int(rng.next() % 24)
            let text = (0..<n).map { _ in Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))] }.joined()
            for (byte, character) in [(UInt8(ascii: " "), Character(" ")), (UInt8(ascii: "\n"), Character("\n"))] {
                for omitting in [true, false] {
                    let expected = text[...].split(separator: character, omittingEmptySubsequences: omitting).map(String.init)
                    let actual = splitAtByte(text[...], byte, omittingEmpty: omitting).map(String.init)
                    #expect(actual == expected, "\(text.debugDescription) at \(character.debugDescription), omitting \(omitting)")
                }
            }
        }
    }
}
