insert into fw_items (id, name, price) values (1, 'alpha', 9.99);
insert into fw_items (id, name, price) values (2, 'beta', 19.5);
