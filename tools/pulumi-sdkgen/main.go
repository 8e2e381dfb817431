// pulumi-sdkgen writes the Node.js, Python and Go SDKs of a Pulumi package schema with the code
// generators of github.com/pulumi/pulumi/pkg/v3. `pulumi package gen-sdk` asks a language host to
// generate code, and this repository builds no host that can; the generators themselves are plain Go
// packages, so this tool calls them directly (see scripts/gen-sdk.sh and docs/plugin.md, "SDKs").
//
//	pulumi-sdkgen --schema plugin/dist/schema.json --out sdk [--language nodejs,python,go]
//
// Each language is written to <out>/<language>/, replacing the generated files already there.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// The name the generators write into each file's "do not edit" header.
const tool = "pulumi-sdkgen"

var languages = []string{"nodejs", "python", "go"}

// noDependencies is the loader the generators are given: the package references no other
// package's schema, so any attempt to load one is an error in the schema.
type noDependencies struct{}

func (noDependencies) refuse(name string) error {
	return fmt.Errorf("the schema references package %q; pulumi-sdkgen loads no other package", name)
}

func (l noDependencies) LoadPackage(pkg string, _ *semver.Version) (*schema.Package, error) {
	return nil, l.refuse(pkg)
}

func (l noDependencies) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, l.refuse(d.Name)
}

func (l noDependencies) LoadPackageReference(pkg string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, l.refuse(pkg)
}

func (l noDependencies) LoadPackageReferenceV2(
	_ context.Context, d *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return nil, l.refuse(d.Name)
}

func main() {
	schemaPath := flag.String("schema", "", "the package schema (JSON)")
	outDir := flag.String("out", "", "the folder that receives one sub-folder per language")
	langList := flag.String("language", strings.Join(languages, ","), "the languages to generate, comma-separated")
	flag.Parse()
	if *schemaPath == "" || *outDir == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: pulumi-sdkgen --schema <schema.json> --out <folder> [--language nodejs,python,go]")
		os.Exit(2)
	}
	if err := run(*schemaPath, *outDir, strings.Split(*langList, ",")); err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-sdkgen: %v\n", err)
		os.Exit(1)
	}
}

func run(schemaPath, outDir string, wanted []string) error {
	for _, lang := range wanted {
		if !known(lang) {
			return fmt.Errorf("--language: %q is not one of %s", lang, strings.Join(languages, ", "))
		}
	}
	for _, lang := range wanted {
		// Each generator records its language's options on the package, so each binds its own copy.
		pkg, err := bind(schemaPath)
		if err != nil {
			return err
		}
		files, err := generate(lang, pkg)
		if err != nil {
			return fmt.Errorf("generating the %s SDK: %w", lang, err)
		}
		if err := write(filepath.Join(outDir, lang), files); err != nil {
			return err
		}
	}
	return nil
}

func known(lang string) bool {
	for _, l := range languages {
		if l == lang {
			return true
		}
	}
	return false
}

func bind(schemaPath string) (*schema.Package, error) {
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		return nil, fmt.Errorf("--schema: %w", err)
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return nil, fmt.Errorf("--schema %s is not a package schema: %w", schemaPath, err)
	}
	pkg, diags, err := schema.BindSpec(spec, noDependencies{}, schema.ValidationOptions{})
	if err != nil {
		return nil, fmt.Errorf("--schema %s: %w", schemaPath, err)
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("--schema %s is invalid: %s", schemaPath, diags.Error())
	}
	return pkg, nil
}

func generate(lang string, pkg *schema.Package) (map[string][]byte, error) {
	switch lang {
	case "nodejs":
		return nodejs.GeneratePackage(tool, pkg, nil, nil, false, noDependencies{})
	case "python":
		return python.GeneratePackage(tool, pkg, nil, noDependencies{})
	default:
		return gogen.GeneratePackage(tool, pkg, nil)
	}
}

// write replaces the generated files under dir. Files the generator did not make (a hand-written
// go.mod, say) are kept: only files whose first lines carry the generator's header are removed first.
func write(dir string, files map[string][]byte) error {
	if err := removeGenerated(dir); err != nil {
		return err
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		target := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, files[p], 0o644); err != nil {
			return err
		}
	}
	return nil
}

func removeGenerated(dir string) error {
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		head := make([]byte, 512)
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		n, _ := f.Read(head)
		f.Close()
		if strings.Contains(string(head[:n]), "generated by "+tool) {
			return os.Remove(path)
		}
		return nil
	})
	if os.IsNotExist(err) {
		return nil
	}
	return err
}
