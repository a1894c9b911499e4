// placeholder until the solver layer lands
