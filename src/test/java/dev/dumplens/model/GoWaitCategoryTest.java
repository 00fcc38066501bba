package dev.dumplens.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Wait reasons of Go 1.19 to current, with the frames that disambiguate them. */
class GoWaitCategoryTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "chan receive||CHAN_RECEIVE|WAITING",
        "chan receive (nil chan)||CHAN_RECEIVE|WAITING",
        "chan send||CHAN_SEND|WAITING",
        "select||SELECT|WAITING",
        "select (no cases)||SELECT|WAITING",
        "sync.Mutex.Lock||MUTEX|WAITING",
        "sync.RWMutex.RLock||MUTEX|WAITING",
        "sync.WaitGroup.Wait||WAITGROUP|WAITING",
        "sync.Cond.Wait||COND|WAITING",
        "semacquire|sync.runtime_SemacquireMutex;sync.(*Mutex).lockSlow;sync.(*Mutex).Lock;main.f|MUTEX|WAITING",
        "semacquire|sync.runtime_Semacquire;sync.(*WaitGroup).Wait;main.f|WAITGROUP|WAITING",
        "semacquire|golang.org/x/sync/semaphore.(*Weighted).Acquire;main.f|SEMAPHORE|WAITING",
        "IO wait||IO_WAIT|WAITING",
        "sleep||SLEEP|TIMED_WAITING",
        "syscall||SYSCALL|RUNNABLE",
        "running||RUNNING|RUNNABLE",
        "runnable||RUNNING|RUNNABLE",
        "idle||RUNTIME|NONE",
        "GC sweep wait||RUNTIME|NONE",
        "GC worker (idle)||RUNTIME|NONE",
        "finalizer wait||RUNTIME|NONE",
        "GC brand new reason||RUNTIME|NONE",
        "trace proc status||OTHER|WAITING",
        "|time.Sleep;main.napper|SLEEP|TIMED_WAITING",
        "|internal/poll.runtime_pollWait;net.(*conn).Read;main.r|IO_WAIT|WAITING",
        "|main.handleOrder|UNKNOWN|NONE",
    })
    void reasonsAndFramesFoldIntoCategories(String reason, String functions, GoWaitCategory expected, ThreadState state) {
        List<StackFrame> frames = functions == null ? List.of()
                : Arrays.stream(functions.split(";")).map(f -> StackFrame.go(f + "(x.go:1)")).toList();
        GoWaitCategory c = GoWaitCategory.of(reason == null ? "" : reason, frames);
        assertThat(c).isEqualTo(expected);
        assertThat(c.threadState()).isEqualTo(state);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "|sync.runtime_SemacquireMutex;created by sync.(*WaitGroup).Wait|MUTEX",
        "semacquire|main.f;created by sync.(*WaitGroup).Wait|SEMAPHORE",
    })
    void theCreatorIsNotPartOfTheStack(String reason, String functions, GoWaitCategory expected) {
        List<StackFrame> frames = Arrays.stream(functions.split(";")).map(f -> StackFrame.go(f + "(x.go:1)")).toList();
        assertThat(GoWaitCategory.of(reason == null ? "" : reason, frames)).isEqualTo(expected);
    }
}
