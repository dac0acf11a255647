package io.manometer.analyzer.reading.jfr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The types a chunk declares (its metadata event: a string table, then a tree of elements), each
 * with its fields in the order their values are written, and how to read or step over each value.
 */
final class ChunkMetadata {
    /** How one value is written. */
    enum Kind {
        /** Compressed integer: long, int, short, char (narrowed to its width when read). */
        INTEGER,
        /** One byte: byte, boolean. */
        BYTE,
        FLOAT,
        DOUBLE,
        STRING,
        /** A key into a constant pool, written as a compressed integer. */
        POOLED,
        /** The fields of another type, written inline one after another. */
        INLINE
    }

    /** A field as declared; {@link #kind} and {@link #width} are set once every type is known. */
    static final class Field {
        final String name;
        final long typeId;
        final boolean pooled;
        final boolean array;
        Kind kind;
        /** For {@link Kind#INTEGER}: 64, 32, 16 or 'c' for char; what the value is narrowed to. */
        int width = 64;
        Type inline;

        Field(String name, long typeId, boolean pooled, boolean array) {
            this.name = name;
            this.typeId = typeId;
            this.pooled = pooled;
            this.array = array;
        }
    }

    /** A declared type: a primitive (no fields), a structure, or an event. */
    static final class Type {
        final long id;
        final String name;
        final List<Field> fields = new ArrayList<>();

        Type(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    private final Map<Long, Type> types;

    private ChunkMetadata(Map<Long, Type> types) {
        this.types = types;
    }

    Type type(long id) {
        return types.get(id);
    }

    Iterable<Type> types() {
        return types.values();
    }

    /** Reads the metadata event starting at the input's position. */
    static ChunkMetadata read(ChunkInput in) throws IOException {
        in.readInt(); // size
        long typeId = in.readLong();
        if (typeId != 0) {
            throw new IOException("expected the metadata event (type 0), found type " + typeId);
        }
        in.readLong(); // start
        in.readLong(); // duration
        in.readLong(); // metadata id
        int stringCount = in.readCount();
        List<String> table = new ArrayList<>(); // grown as read: a corrupt count fails at the chunk's end, not in an allocation
        for (int i = 0; i < stringCount; i++) {
            table.add(in.readString(Map.of()));
        }
        String[] strings = table.toArray(new String[0]);
        Map<Long, Type> types = new HashMap<>();
        Element root = Element.read(in, strings, 0);
        for (Element metadata : root.children("metadata")) {
            for (Element declared : metadata.children("class")) {
                Type type = new Type(Long.parseLong(declared.attribute("id")), declared.attribute("name"));
                for (Element field : declared.children("field")) {
                    String dimension = field.attribute("dimension");
                    type.fields.add(new Field(field.attribute("name"), Long.parseLong(field.attribute("class")),
                            field.attribute("constantPool") != null, dimension != null && !"0".equals(dimension)));
                }
                types.put(type.id, type);
            }
        }
        for (Type type : types.values()) {
            for (Field field : type.fields) {
                resolve(field, types);
            }
        }
        return new ChunkMetadata(types);
    }

    private static void resolve(Field field, Map<Long, Type> types) throws IOException {
        Type type = types.get(field.typeId);
        if (type == null) {
            throw new IOException("field " + field.name + " has undeclared type " + field.typeId);
        }
        if (field.pooled) {
            field.kind = Kind.POOLED;
            return;
        }
        switch (type.name) {
            case "long" -> field.kind = Kind.INTEGER;
            case "int" -> { field.kind = Kind.INTEGER; field.width = 32; }
            case "short" -> { field.kind = Kind.INTEGER; field.width = 16; }
            case "char" -> { field.kind = Kind.INTEGER; field.width = 'c'; }
            case "byte", "boolean" -> field.kind = Kind.BYTE;
            case "float" -> field.kind = Kind.FLOAT;
            case "double" -> field.kind = Kind.DOUBLE;
            case "java.lang.String" -> field.kind = Kind.STRING;
            default -> {
                if (type.fields.isEmpty()) {
                    throw new IOException("field " + field.name + " has type " + type.name + ", which has no fields");
                }
                field.kind = Kind.INLINE;
                field.inline = type;
            }
        }
    }

    /** Steps over one value of {@code field}, every element of it if it is an array. */
    static void skip(ChunkInput in, Field field, int depth) throws IOException {
        int count = field.array ? in.readCount() : 1;
        for (int i = 0; i < count; i++) {
            switch (field.kind) {
                case INTEGER, POOLED -> in.readLong();
                case BYTE -> in.readByte();
                case FLOAT -> in.readRaw(4);
                case DOUBLE -> in.readRaw(8);
                case STRING -> in.skipString();
                case INLINE -> skipFields(in, field.inline, depth + 1);
            }
        }
    }

    /** Steps over a whole value of {@code type}, field by field. */
    static void skipFields(ChunkInput in, Type type, int depth) throws IOException {
        if (depth > 32) {
            throw new IOException("type " + type.name + " nests deeper than 32 levels");
        }
        for (Field f : type.fields) {
            skip(in, f, depth);
        }
    }

    /** An element of the metadata tree: a name, attributes, children. */
    private record Element(String name, Map<String, String> attributes, List<Element> elements) {
        static Element read(ChunkInput in, String[] strings, int depth) throws IOException {
            if (depth > 64) {
                throw new IOException("metadata nests deeper than 64 levels");
            }
            String name = string(in, strings);
            int attributeCount = in.readCount();
            Map<String, String> attributes = new HashMap<>();
            for (int i = 0; i < attributeCount; i++) {
                attributes.put(string(in, strings), string(in, strings));
            }
            int childCount = in.readCount();
            List<Element> children = new ArrayList<>();
            for (int i = 0; i < childCount; i++) {
                children.add(read(in, strings, depth + 1));
            }
            return new Element(name, attributes, children);
        }

        private static String string(ChunkInput in, String[] strings) throws IOException {
            int index = in.readInt();
            if (index < 0 || index >= strings.length) {
                throw new IOException("metadata string " + index + " out of range");
            }
            return strings[index];
        }

        String attribute(String key) {
            return attributes.get(key);
        }

        List<Element> children(String named) {
            List<Element> found = new ArrayList<>();
            for (Element e : elements) {
                if (e.name.equals(named)) {
                    found.add(e);
                }
            }
            return found;
        }
    }
}
