package sfa.backend.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import sfa.backend.web.ApiProblem;

/** A unit's files as text by path, and their checks: what a teacher may store and how it is kept. */
final class UnitFiles {

    /** A file of a unit folder: {@code unit.yaml}, {@code quiz.yaml}, {@code lessons/01-x.ko.md}, data files. */
    static final Pattern PATH = Pattern.compile("([a-z0-9][a-z0-9._-]{0,80}/){0,2}[a-z0-9][a-z0-9._-]{0,80}\\.(yaml|md|csv|txt|st|svg)");
    static final int MAX_FILE_CHARS = 200_000;
    static final int MAX_FILES = 60;

    private UnitFiles() {
    }

    /** The MongoDB field name of a path: '.' and '%' escaped. */
    static String key(String path) {
        return path.replace("%", "%25").replace(".", "%2E");
    }

    static String path(String key) {
        return key.replace("%2E", ".").replace("%25", "%");
    }

    static void checkPath(String path) {
        if (!PATH.matcher(path).matches() || path.contains("..")) {
            throw ApiProblem.badRequest("invalid-file-name", "'" + path + "' is not a unit file name: lower-case letters,"
                    + " digits, '.', '_', '-', at most two folders, ending in .yaml, .md, .csv, .txt, .st or .svg (images)",
                    "'" + path + "'은(는) 단원 파일 이름으로 쓸 수 없습니다: 영문 소문자, 숫자, '.', '_', '-'로 쓰고,"
                            + " 폴더는 두 단계까지, 확장자는 .yaml, .md, .csv, .txt, .st, .svg(그림) 중 하나입니다");
        }
    }

    static void checkText(String path, String text) {
        if (text.length() > MAX_FILE_CHARS) {
            throw new ApiProblem(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE, "file-too-large",
                    path + " has " + text.length() + " characters; a unit file holds at most " + MAX_FILE_CHARS,
                    path + " 파일이 " + text.length() + "자입니다. 단원 파일은 " + MAX_FILE_CHARS + "자까지입니다");
        }
    }

    /** The files of a shipped unit folder by key. */
    static Map<String, String> read(Path folder) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                String rel = folder.relativize(f).toString().replace('\\', '/');
                if (PATH.matcher(rel).matches()) {
                    files.put(key(rel), Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the unit folder " + folder, e);
        }
        return files;
    }

    /** Writes the files into {@code dir} (which becomes the unit's folder). */
    static void write(Map<String, String> files, Path dir) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path f = dir.resolve(path(e.getKey())).normalize();
                if (!f.startsWith(dir)) {
                    continue;
                }
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a unit to " + dir, e);
        }
    }

    /** unit.yaml with its {@code version:} line set to {@code version}. */
    static String withVersion(String unitYaml, int version) {
        return unitYaml.replaceFirst("(?m)^version:\\s*\\d+\\s*$", "version: " + version);
    }
}
