package io.nova.user;

import io.nova.testing.ServiceBootContract;

class UserServiceBootTest extends ServiceBootContract<UserServiceConfiguration> {

    UserServiceBootTest() {
        super(UserServiceApplication.class, "user-service", 8083, 9083);
    }
}
