package cn.wushe.volunteering.internal;

import cn.wushe.identity.SignUpDecided;
import cn.wushe.identity.VolunteerSignUps;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Opens the profile when a community confirms a volunteer's sign-up; a repeated event opens nothing twice. */
@Component
class VolunteerSignUpListener {

    private final VolunteerSignUps signUps;
    private final Volunteers volunteers;

    VolunteerSignUpListener(VolunteerSignUps signUps, Volunteers volunteers) {
        this.signUps = signUps;
        this.volunteers = volunteers;
    }

    @ApplicationModuleListener
    void on(SignUpDecided decided) {
        if ("VOLUNTEER".equals(decided.kind()) && "CONFIRMED".equals(decided.outcome())) {
            signUps.confirmedVolunteer(decided.userId()).ifPresent(volunteers::openFromSignUp);
        }
    }
}
