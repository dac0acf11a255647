package io.manometer.agent.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.MetadataDefinition;

/** The unit of a counting field (JFR has units for bytes and time, none for "elements"). */
@MetadataDefinition
@Label("Unit")
@Description("What a count counts")
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Count {
    String value();
}
