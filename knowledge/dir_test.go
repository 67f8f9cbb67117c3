package knowledge

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// loadWithin runs LoadDir(dir), failing the test if it has not returned
// long after it should have (a FIFO opened for reading waits for a writer
// forever).
func loadWithin(t *testing.T, dir string) ([]Topic, []error) {
	t.Helper()
	type result struct {
		topics []Topic
		errs   []error
	}
	done := make(chan result, 1)
	go func() {
		topics, errs := LoadDir(dir)
		done <- result{topics, errs}
	}()
	select {
	case r := <-done:
		return r.topics, r.errs
	case <-time.After(30 * time.Second):
		t.Fatal("LoadDir hung")
		return nil, nil
	}
}

// TestLoadDirReadsOnlyRegularFiles: a FIFO, a symlink and an oversize file
// in the folder are skipped, each with a problem that names it relative to
// the folder; the good topic still loads.
func TestLoadDirReadsOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.md")
	good := "---\nid: a\nlang: sv\ntitle: A\n---\nText A."
	for name, data := range map[string]string{
		"a.sv.md": good,
		"big.md":  good + strings.Repeat(" ord", MaxTopicSize/4),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(outside, []byte(strings.Replace(good, "id: a", "id: secret", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}

	topics, errs := loadWithin(t, dir)
	if len(topics) != 1 || topics[0].ID != "a" {
		t.Errorf("topics = %+v, want only a", topics)
	}
	want := map[string]error{"big.md": ErrTooLarge, "link.md": ErrNotRegular, "pipe.md": ErrNotRegular}
	if len(errs) != len(want) {
		t.Fatalf("problems = %v, want one each for %v", errs, want)
	}
	for _, err := range errs {
		var fe *FileError
		if !errors.As(err, &fe) || !errors.Is(err, want[fe.Name]) {
			t.Errorf("problem %v: want a *FileError for one of %v", err, want)
			continue
		}
		if strings.Contains(err.Error(), dir) || filepath.IsAbs(fe.Name) {
			t.Errorf("problem %q names the folder's absolute path", err)
		}
	}

	// A folder that cannot be read: one problem, without its path.
	_, errs = loadWithin(t, filepath.Join(dir, "missing"))
	if len(errs) != 1 || strings.Contains(errs[0].Error(), dir) {
		t.Errorf("missing folder: problems %v, want one without its path", errs)
	}
}
