-- deliberately invalid: proves a failing migration stops start-up
create tabel broken (id int);
