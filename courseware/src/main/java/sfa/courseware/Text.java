package sfa.courseware;

/** Text a student or teacher reads: Korean first, English beside it. */
public record Text(String ko, String en) {
}
