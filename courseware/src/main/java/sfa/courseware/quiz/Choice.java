package sfa.courseware.quiz;

import sfa.courseware.Text;

/** A choice, an entry to put in order, or one side of a matching pair. */
public record Choice(String id, Text text) {
}
