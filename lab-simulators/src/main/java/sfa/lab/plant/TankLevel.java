package sfa.lab.plant;

import sfa.lab.equipment.AnalogInput;
import sfa.lab.equipment.Lamp;
import sfa.lab.equipment.Tank;

/**
 * {@code tank-level}: a 1.0 m tank, pump 0.05 m/s, drain 0.03 m/s, a consumer drawing 0.005–0.02
 * m/s that changes every 10 s, and a 4–20 mA level transmitter over 0–1.0 m.
 */
final class TankLevel implements Lab {

    @Override
    public String id() {
        return "tank-level";
    }

    @Override
    public String titleKo() {
        return "탱크 수위 제어";
    }

    @Override
    public String titleEn() {
        return "Tank level control with hysteresis";
    }

    @Override
    public long sequenceMillis() {
        return 120_000;
    }

    @Override
    public void assemble(PlantBuilder b) {
        Panel panel = Panel.standard(b);
        panel.button("START", "%IX0.0", true, "푸시버튼, NO", "push button, NO");
        panel.button("STOP", "%IX0.1", false, "푸시버튼, NC", "push button, NC");
        Tank tank = b.add(new Tank("TANK", 1.0, 0.05, 0.03, 0.005, 0.02, 10_000, "PUMP", "DRAIN", b.random("consumer")));
        panel.analogInput(new AnalogInput("LEVEL", tank.levelTransmitter()), "%IW0",
                "수위 전송기, 4–20 mA (raw 0…16000)", "level transmitter, 4–20 mA (raw 0…16000)");
        panel.load(tank.pump(), "%QX0.0", "급수 펌프", "feed pump");
        panel.load(tank.drain(), "%QX0.1", "배수 솔레노이드 밸브", "drain solenoid valve");
        Lamp high = b.add(new Lamp("LAMP_HIGH"));
        panel.load(high.load(), "%QX0.2", "고수위 경보 램프", "high-level alarm lamp");
    }
}
