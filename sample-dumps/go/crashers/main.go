// crashers ends in one of the Go runtime's fatal tracebacks, chosen by the first argument:
//
//	deadlock: main waits for a result from workers that wait for each other:
//	          "fatal error: all goroutines are asleep - deadlock!"
//	panic:    a worker writes into a nil map: "panic: assignment to entry in nil map"
//
// Both print every goroutine's stack when GOTRACEBACK=all.
package main

import (
	"fmt"
	"os"
	"sync"
	"time"
)

type registry struct{ entries map[string]int }

func (r *registry) register(name string, n int) {
	r.entries[name] = n
}

// transfer locks a then b; two transfers in opposite order deadlock on their channels.
func transfer(from, to chan int, done *sync.WaitGroup) {
	defer done.Done()
	v := <-from
	to <- v
}

func deadlock() {
	a, b := make(chan int), make(chan int)
	var done sync.WaitGroup
	done.Add(2)
	go transfer(a, b, &done)
	go transfer(b, a, &done)
	results := make(chan int)
	go func() {
		done.Wait()
		results <- 1
	}()
	fmt.Println(<-results)
}

func worker(id int, r *registry, stop <-chan struct{}) {
	if id == 3 {
		time.Sleep(200 * time.Millisecond)
		r.register(fmt.Sprint("worker-", id), id)
	}
	<-stop
}

func crash() {
	r := &registry{}
	stop := make(chan struct{})
	for i := 1; i <= 4; i++ {
		go worker(i, r, stop)
	}
	time.Sleep(time.Hour)
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: crashers deadlock|panic")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "deadlock":
		deadlock()
	case "panic":
		crash()
	default:
		fmt.Fprintln(os.Stderr, "unknown:", os.Args[1])
		os.Exit(2)
	}
}
