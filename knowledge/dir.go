package knowledge

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// MaxTopicSize caps one file in the [knowledge] dir: a topic is a title and
// a few sentences, and a larger file is a mistake (or a log file) that
// would be read into memory at every reload.
const MaxTopicSize = 64 << 10

// Why LoadDir skips a file that is not malformed; a *FileError wraps them.
var (
	// ErrNotRegular: a symlink, FIFO, socket or device. Opening a FIFO
	// waits for a writer, which hung start-up; a symlink may lead out of
	// the folder.
	ErrNotRegular = errors.New("not a regular file (symlinks, pipes and devices are skipped)")
	// ErrTooLarge: the file is larger than MaxTopicSize.
	ErrTooLarge = fmt.Errorf("larger than %d KiB", MaxTopicSize>>10)
	// ErrDuplicate: a file earlier by name has the same id and language.
	ErrDuplicate = errors.New("already loaded")
)

// FileError is a problem with one topic file. Name is as the caller named
// the file — for LoadDir relative to the folder, never an absolute path —
// and Line is 1-based, 0 when the problem is the file as a whole. Err may
// quote the offending text (for the operator's log); what is shown to
// members should use Name, Line and errors.Is only.
type FileError struct {
	Name string
	Line int
	Err  error
}

func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err)
	}
	return e.Name + ": " + e.Err.Error()
}

func (e *FileError) Unwrap() error { return e.Err }

// LoadDir loads every *.md file directly inside dir (the [knowledge] dir
// of the configuration) as an organiser-written topic (Builtin false).
// Only regular files up to MaxTopicSize are read; symlinks, FIFOs and
// devices are skipped without being opened, subfolders silently.
// Problems never stop the load: it returns the good topics, sorted by
// file name, and one *FileError per skipped file (or one, named ".", if dir
// cannot be read). A second file with an (id, lang) already loaded is
// reported and skipped.
func LoadDir(dir string) ([]Topic, []error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, []error{&FileError{Name: ".", Err: withoutPath(err)}}
	}
	var (
		topics []Topic
		errs   []error
		seen   = map[[2]string]string{}
	)
	for _, e := range entries { // ReadDir sorts by name
		name := e.Name()
		if e.IsDir() || !strings.EqualFold(filepath.Ext(name), ".md") {
			continue
		}
		data, err := readTopicFile(dir, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		t, err := ParseTopic(name, data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		k := [2]string{t.ID, t.Lang}
		if prev, dup := seen[k]; dup {
			errs = append(errs, &FileError{Name: name, Err: fmt.Errorf("topic %s (%s) %w from %s", t.ID, t.Lang, ErrDuplicate, prev)})
			continue
		}
		seen[k] = name
		topics = append(topics, t)
	}
	return topics, errs
}

// readTopicFile reads dir/name when it is a regular file of at most
// MaxTopicSize bytes. Lstat decides before anything is opened; the open
// does not block (should the file be swapped for a FIFO in between) and
// the opened file must be the one checked.
func readTopicFile(dir, name string) ([]byte, error) {
	p := filepath.Join(dir, name)
	fail := func(err error) ([]byte, error) { return nil, &FileError{Name: name, Err: withoutPath(err)} }
	before, err := os.Lstat(p)
	if err != nil {
		return fail(err)
	}
	if !before.Mode().IsRegular() {
		return fail(ErrNotRegular)
	}
	if before.Size() > MaxTopicSize {
		return fail(ErrTooLarge)
	}
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return fail(err)
	}
	defer f.Close()
	if now, err := f.Stat(); err != nil || !now.Mode().IsRegular() || !os.SameFile(before, now) {
		return fail(ErrNotRegular)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxTopicSize+1))
	if err != nil {
		return fail(err)
	}
	if len(data) > MaxTopicSize { // it grew since Lstat
		return fail(ErrTooLarge)
	}
	return data, nil
}

// withoutPath drops the path from an *fs.PathError ("open /srv/kb/x.md:
// permission denied" becomes "permission denied"): the caller names the
// file relative to the folder.
func withoutPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
