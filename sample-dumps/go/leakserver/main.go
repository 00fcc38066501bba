// leakserver reproduces the classic goroutine leaks behind an HTTP server with net/http/pprof.
//
// Every GET /leak starts, per request:
//   - 10 handleOrder goroutines that receive from a channel nobody ever writes (reader with no writer),
//   - 3 publishResult goroutines that send twice on a channel with a buffer of 1 that nobody reads
//     (writer to a full channel),
//   - 4 pollJobs goroutines in a for/select whose context is never cancelled and whose jobs channel
//     never delivers (a forgotten select: no exit).
//
// Stable background goroutines, started once: 5 waiting for a sync.Mutex held forever, 3 in
// sync.WaitGroup.Wait that is never released, 4 sleeping for an hour, 2 in select {}, 2 in sync.Cond.Wait
// never signalled, 1 reading a loopback TCP connection that never gets data, 1 locked to its OS thread
// waiting on a channel.
//
// Go prints "N minutes" in a goroutine's header once it has been blocked for a minute, counted from the end of
// the garbage collection before the first one that saw it blocked. So the server collects garbage before and
// after starting goroutines (background and each batch): dumps taken a minute later tell old from new ones.
//
// It prints "READY <port>" once listening and "LEAKED <n>" after each /leak.
package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

type order struct{ id int }

var requests int64

// idle keeps the loopback connection and its listener reachable: a collected net.Conn is closed by its finalizer.
var idle struct {
	listener net.Listener
	client   net.Conn
}

// handleOrder waits for an order that no one will ever send.
func handleOrder(orders <-chan order) {
	o := <-orders
	fmt.Println("handled", o.id)
}

// publishResult sends two results into a channel with room for one; nobody reads it.
func publishResult(results chan<- int, n int) {
	results <- n
	results <- n + 1
}

// pollJobs loops until its context is cancelled, which never happens.
func pollJobs(ctx context.Context, jobs <-chan int) {
	for {
		select {
		case <-ctx.Done():
			return
		case j := <-jobs:
			fmt.Println("job", j)
		}
	}
}

func leak(w http.ResponseWriter, r *http.Request) {
	runtime.GC()
	orders := make(chan order)
	for i := 0; i < 10; i++ {
		go handleOrder(orders)
	}
	results := make(chan int, 1)
	for i := 0; i < 3; i++ {
		go publishResult(results, i)
	}
	ctx, cancel := context.WithCancel(context.Background())
	_ = cancel // forgotten: the pollers never stop
	jobs := make(chan int)
	for i := 0; i < 4; i++ {
		go pollJobs(ctx, jobs)
	}
	settleAndCollect()
	n := atomic.AddInt64(&requests, 1)
	fmt.Fprintf(w, "leaked batch %d\n", n)
	fmt.Println("LEAKED", n)
}

func mutexWaiter(mu *sync.Mutex) {
	mu.Lock()
	defer mu.Unlock()
}

func groupWaiter(wg *sync.WaitGroup) {
	wg.Wait()
}

func napper() {
	time.Sleep(time.Hour)
}

func forever() {
	select {}
}

func condWaiter(c *sync.Cond) {
	c.L.Lock()
	c.Wait()
	c.L.Unlock()
}

func connReader(conn net.Conn) {
	buf := make([]byte, 1)
	conn.Read(buf)
}

func pinned(never <-chan struct{}) {
	runtime.LockOSThread()
	<-never
}

// settleAndCollect lets new goroutines block, then collects garbage so that their wait start is recorded
// (as the end of the previous collection).
func settleAndCollect() {
	time.Sleep(200 * time.Millisecond)
	runtime.GC()
}

func startBackground() {
	runtime.GC()
	var mu sync.Mutex
	mu.Lock() // held forever by main
	for i := 0; i < 5; i++ {
		go mutexWaiter(&mu)
	}
	var wg sync.WaitGroup
	wg.Add(1) // never Done
	for i := 0; i < 3; i++ {
		go groupWaiter(&wg)
	}
	for i := 0; i < 4; i++ {
		go napper()
	}
	for i := 0; i < 2; i++ {
		go forever()
	}
	cond := sync.NewCond(&sync.Mutex{})
	for i := 0; i < 2; i++ {
		go condWaiter(cond)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go func() {
		c, err := ln.Accept()
		if err == nil {
			go connReader(c)
		}
	}()
	client, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		panic(err)
	}
	idle.listener, idle.client = ln, client // kept open, never written
	go pinned(make(chan struct{}))
	settleAndCollect()
}

func main() {
	startBackground()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	http.HandleFunc("/leak", leak)
	fmt.Println("READY", ln.Addr().(*net.TCPAddr).Port)
	if err := http.Serve(ln, nil); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
