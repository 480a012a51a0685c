package server

import "gorm.io/gorm"

// DBForTests is the store's write handle, for tests that hold locks in
// the database beside the server's own writes.
func DBForTests(s *Store) *gorm.DB { return s.db }
