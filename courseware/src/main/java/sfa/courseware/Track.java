package sfa.courseware;

/** The programme's four tracks. */
public enum Track {
    OPERATIONS("운영시스템", "factory operating systems (MES/SCADA/HMI, OPC UA)"),
    SENSORS("센서활용", "sensors"),
    CONTROL("장비제어", "equipment control (PLC)"),
    AI("AI 연계", "AI-linked data");

    private final String ko;
    private final String en;

    Track(String ko, String en) {
        this.ko = ko;
        this.en = en;
    }

    public Text label() {
        return new Text(ko, en);
    }
}
