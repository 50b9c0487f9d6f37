// Command service serves the campaign report of package api over HTTP:
//
//	go run ./examples/service -addr localhost:8080
//	curl -d @examples/service/campaign.json -H 'Content-Type: application/json' localhost:8080/report
//
// campaign.json is the request of the api package's documentation. The
// handler, its request and its response are in package api
// (examples/service/api), for programs that embed it in their own server.
package main

import (
	"flag"
	"log"
	"net/http"
	"time"

	"github.com/influencekit/influencekit/examples/service/api"
)

func main() {
	addr := flag.String("addr", "localhost:8080", "address to listen on")
	flag.Parse()
	mux := http.NewServeMux()
	mux.Handle("/report", api.Handler{})
	srv := &http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second}
	log.Printf("serving POST /report on %s", *addr)
	log.Fatal(srv.ListenAndServe())
}
