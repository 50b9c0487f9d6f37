// Command campaign-service serves the campaign report of package service
// over HTTP:
//
//	go run ./examples/service/cmd/campaign-service -addr localhost:8080
//	curl -d @campaign.json -H 'Content-Type: application/json' localhost:8080/report
package main

import (
	"flag"
	"log"
	"net/http"
	"time"

	"github.com/influencekit/influencekit/examples/service"
)

func main() {
	addr := flag.String("addr", "localhost:8080", "address to listen on")
	flag.Parse()
	mux := http.NewServeMux()
	mux.Handle("/report", service.Handler{})
	srv := &http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second}
	log.Printf("serving POST /report on %s", *addr)
	log.Fatal(srv.ListenAndServe())
}
