package pkg

type T struct{}
type g[K any, V any] struct{}
type G[K any] struct{}
type u struct{}

func F()                {}
func f()                {}
func (T) M()            {}
func (*T) P()           {}
func (T) m()            {}
func (G[K]) Get()       {}
func (g[K, V]) Put()    {}
func (u) Error() string { return "" }
