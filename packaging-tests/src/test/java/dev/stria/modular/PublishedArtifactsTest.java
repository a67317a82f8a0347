package dev.stria.modular;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * What every published library module owes its users: a line in {@code stria-bom}, and a javadoc
 * comment on every public type, constructor, method and field. The javadoc build runs doclint with
 * its "missing" group off (it would demand {@code @param} and {@code @return} on every method), so
 * this test is what catches a public member with no comment at all.
 */
class PublishedArtifactsTest {

  @Test
  void bomListsEveryLibraryModule() throws IOException {
    String bom = Files.readString(LibraryModules.root().resolve("bom/pom.xml"));
    List<LibraryModules.Library> libraries = LibraryModules.all();
    assertThat(libraries).extracting(LibraryModules.Library::directory)
        .contains("histogram-core", "api", "exporter-prometheus", "exporter-otlp");
    for (LibraryModules.Library library : libraries) {
      assertThat(bom).as("stria-bom lists " + library.artifactId())
          .contains("<artifactId>" + library.artifactId() + "</artifactId>");
    }
  }

  @Test
  void everyPublicTypeAndMemberOfTheLibrariesHasAJavadocComment() throws IOException {
    List<String> undocumented = new ArrayList<>();
    for (LibraryModules.Library library : LibraryModules.all()) {
      undocumented.addAll(undocumented(library.sources()));
    }
    assertThat(undocumented).isEmpty();
  }

  private static List<String> undocumented(Path sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.getFileName().toString().equals("module-info.java")).toList();
    }
    List<String> missing = new ArrayList<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
      Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
      JavacTask task = (JavacTask) javac.getTask(null, fm, null, List.of("-proc:none"), null, units);
      DocTrees docs = DocTrees.instance(task);
      for (CompilationUnitTree unit : task.parse()) {
        new PublicMembers(docs, unit, missing).scan(new TreePath(unit), false);
      }
    }
    return missing;
  }

  /** Visits the public API of one file, reporting declarations without a doc comment. */
  private static final class PublicMembers extends TreePathScanner<Void, Boolean> {
    private final DocTrees docs;
    private final CompilationUnitTree unit;
    private final List<String> missing;

    PublicMembers(DocTrees docs, CompilationUnitTree unit, List<String> missing) {
      this.docs = docs;
      this.unit = unit;
      this.missing = missing;
    }

    @Override
    public Void visitClass(ClassTree type, Boolean inInterface) {
      if (!isPublic(type.getModifiers(), inInterface)) {
        return null; // nothing inside a hidden type is API
      }
      check(type.getSimpleName().toString());
      boolean isInterface = type.getKind() == Tree.Kind.INTERFACE
          || type.getKind() == Tree.Kind.ANNOTATION_TYPE;
      for (Tree member : type.getMembers()) {
        scan(member, isInterface);
      }
      return null;
    }

    @Override
    public Void visitMethod(MethodTree method, Boolean inInterface) {
      boolean overrides = method.getModifiers().getAnnotations().stream()
          .anyMatch(a -> a.getAnnotationType().toString().equals("Override"));
      if (isPublic(method.getModifiers(), inInterface) && !overrides) {
        check(method.getName().toString());
      }
      return null;
    }

    @Override
    public Void visitVariable(VariableTree field, Boolean inInterface) {
      if (isPublic(field.getModifiers(), inInterface)) {
        check(field.getName().toString());
      }
      return null;
    }

    private boolean isPublic(ModifiersTree modifiers, Boolean inInterface) {
      return modifiers.getFlags().contains(Modifier.PUBLIC)
          || (Boolean.TRUE.equals(inInterface) && !modifiers.getFlags().contains(Modifier.PRIVATE));
    }

    private void check(String name) {
      DocCommentTree comment = docs.getDocCommentTree(getCurrentPath());
      if (comment == null) {
        long line = unit.getLineMap().getLineNumber(
            docs.getSourcePositions().getStartPosition(unit, getCurrentPath().getLeaf()));
        missing.add(unit.getSourceFile().getName() + ":" + line + " " + name);
      }
    }
  }
}
