import Foundation
import GRDB
import SamtalCore

/// Looks up, on the agendas' thread, the conformances the main thread
/// looks up first at a start (issue 15).
///
/// The first look-up of a type's conformance to a protocol (a generic
/// type's metadata made with a `Hashable` key, GRDB's value protocols)
/// scans all of the program's ~7,200 conformance records, ~230 K
/// instructions each; the answer is kept for the process. A start of
/// `samtal run` made 18 on the main thread (4.1 M instructions, callgrind).
/// These are the ones of them this module can name (found with a
/// breakpoint on `swift_conformsToProtocolMaybeInstantiateSuperclasses`):
/// the store's opening (Foundation's file attributes, GRDB's first
/// `String.fetchOne`) and the key map's tables at the first frame. Those of
/// GRDB's internal types and of swift-argument-parser's (before this thread
/// starts) are left to the main thread.
func warmConformances() {
    // Through functions the optimiser does not see into: a cast of a type
    // it knows is decided when compiling, and one whose result is unused
    // is left out; either looks nothing up.
    @inline(never) @_optimize(none) func opaque(_ type: Any.Type) -> Any.Type { type }
    @inline(never) @_optimize(none) func keep(_ found: Any.Type?) {}
    keep(opaque(String?.self) as? any DatabaseValueConvertible.Type)
    keep(opaque(String.self) as? any DatabaseValueConvertible.Type)
    keep(opaque(String?.self) as? any StatementColumnConvertible.Type)
    keep(opaque(String.self) as? any StatementColumnConvertible.Type)
    keep(opaque(URLResourceKey.self) as? any Hashable.Type)
    keep(opaque(FileAttributeKey.self) as? any Hashable.Type)
    keep(opaque(UInt16.self) as? any FixedWidthInteger.Type)
    keep(opaque(UInt16.self) as? any UnsignedInteger.Type)
    keep(opaque(Substring.UTF16View.self) as? any Collection.Type)
    keep(opaque(Key.self) as? any Hashable.Type)
    keep(opaque(KeyContext.self) as? any Hashable.Type)
    keep(opaque(Action.self) as? any Hashable.Type)
}
