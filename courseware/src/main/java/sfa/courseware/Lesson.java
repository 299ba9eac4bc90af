package sfa.courseware;

import java.nio.file.Path;

/** One lesson of a unit: a Korean Markdown file and its English translation. */
public record Lesson(String id, Text title, Path ko, Path en) {
}
