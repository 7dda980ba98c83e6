import Glibc
import Synchronization

/// Runs independent pieces of work (an input's parts, the validation rules) on the calling
/// thread and on `threads - 1` more, each thread taking the next piece as it finishes one, so a
/// slow piece or a slow core holds up only its own thread. Results come back in the items'
/// order, whatever order they finished in.
enum InParallel {
    /// The cores online, at most 8.
    static let cores = max(1, min(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 8))

    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], threads: Int, _ body: @escaping @Sendable (Item) -> Result
    ) -> [Result] {
        let slots = Slots<Result>(count: items.count)
        let work: @Sendable () -> Void = {
            while let index = slots.take() { slots.store(body(items[index]), at: index) }
        }
        let helpers = (1..<max(1, min(threads, items.count))).map { _ in BackgroundThread(work) }
        work()
        helpers.forEach { $0.wait() }
        return slots.results()
    }

    /// The items' indices, handed out once each, and a slot per item for its result. Each slot
    /// is written by the one thread that took its index and read after every thread has been
    /// joined, so the slots need no lock.
    private final class Slots<Result>: @unchecked Sendable {
        private let next = Atomic<Int>(0)
        private let slots: UnsafeMutableBufferPointer<Result?>

        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }

        deinit {
            slots.deinitialize()
            slots.deallocate()
        }

        func take() -> Int? {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            return index < slots.count ? index : nil
        }

        func store(_ result: Result, at index: Int) { slots[index] = result }

        func results() -> [Result] { slots.map { $0! } }
    }
}
