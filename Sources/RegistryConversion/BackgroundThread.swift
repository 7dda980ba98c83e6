import Glibc

/// Runs work on a second POSIX thread (the machine running a pre-commit hook has cores to
/// spare): the source rules check an input's bytes while the reader reads it.
/// Without Foundation, so the binary starts fast. If no thread can be made, the work runs at
/// once on the caller's thread.
final class BackgroundThread<Value: Sendable>: @unchecked Sendable {
    private let box: Box
    private var thread: pthread_t?

    init(_ work: @escaping @Sendable () -> Value) {
        let box = Box(work)
        self.box = box
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { raw in
            Unmanaged<AnyBox>.fromOpaque(raw!).takeRetainedValue().run()
            return nil
        }, Unmanaged.passRetained(box as AnyBox).toOpaque())
        if started == 0 {
            self.thread = thread
        } else {
            Unmanaged.passUnretained(box as AnyBox).release()
            box.run()
        }
    }

    /// Waits for the work to finish and gives its result (again, when asked again).
    func wait() -> Value {
        if let thread {
            pthread_join(thread, nil)
            self.thread = nil
        }
        return box.value!
    }

    private final class Box: AnyBox, @unchecked Sendable {
        let work: @Sendable () -> Value
        var value: Value?

        init(_ work: @escaping @Sendable () -> Value) { self.work = work }
        override func run() { value = work() }
    }
}

/// The non-generic face of the work, for the C entry point.
class AnyBox {
    func run() {}
}
